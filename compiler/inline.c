/*
** inline.c -- the candidate table of inline expansion (see inline.h).
** Module: pci (compiler inliner).
*/
#include "compiler/inline.h"

#include <string.h>

pci_Cand *pci_find(pci_Table *t, int decl) {
  /* candidates are added in declaration order: binary search */
  int lo = 0, hi = t->n - 1;
  while (lo <= hi) {
    int mid = lo + (hi - lo) / 2;
    if (t->cand[mid].decl == decl) return &t->cand[mid];
    if (t->cand[mid].decl < decl) lo = mid + 1;
    else hi = mid - 1;
  }
  return NULL;
}

pci_Cand *pci_add(pcl_State *ls, pci_Table *t, int decl) {
  if (t->n == t->size) {
    int n = t->size ? 2 * t->size : 16;
    t->cand = pcl_realloc(ls, t->cand, (size_t)n * sizeof(pci_Cand));
    t->size = n;
  }
  pci_Cand *c = &t->cand[t->n++];
  memset(c, 0, sizeof *c);
  c->decl = decl;
  return c;
}

void pci_assigned(pci_Table *t, int decl) {
  pci_Cand *c = pci_find(t, decl);
  if (c != NULL) c->assigned = 1;
}

int pci_worthwhile(const pci_Table *t, const pcl_State *ls) {
  if (ls->seesdebug) return 0;
  for (int i = 0; i < t->n; i++)
    if (t->cand[i].ncalls > 0 && !t->cand[i].assigned) return 1;
  return 0;
}
