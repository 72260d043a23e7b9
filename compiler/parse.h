/*
** parse.h -- the recursive-descent parser for Lua 5.4 (drives code.c).
** Module: pcp (compiler parser). Mirrors PUC-Rio lparser.c (5.4).
**
** Recursion is bounded: every nested statement/expression level counts
** towards PCP_MAXLEVELS and deeper sources get a syntax error.
*/
#ifndef PCP_PARSE_H
#define PCP_PARSE_H

#include "compiler/lex.h"
#include "format/proto.h"

#define PCP_MAXLEVELS 198

/* Parses the whole chunk held by [ls] (already initialized with pcl_init)
** and returns its main function. Raises (longjmp to ls->errjmp) on errors. */
fmt_Proto *pcp_parse(pcl_State *ls);

#endif
