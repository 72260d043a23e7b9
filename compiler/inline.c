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

int pci_nameserror(const pci_Free *f, int n) {
  for (int i = 0; i < n; i++)
    if (f[i].decl == PCI_GLOBAL && f[i].name->len == 5 && memcmp(f[i].name->s, "error", 5) == 0)
      return 1;
  return 0;
}

static void setflag(pcl_State *ls, pci_Table *t, int decl, uint8_t flag) {
  if (decl < 0) return;   /* _ENV, globals: never local */
  if (decl >= t->ndeclflags) {
    int n = t->ndeclflags ? t->ndeclflags : 256;
    while (n <= decl) n *= 2;
    t->declflags = pcl_realloc(ls, t->declflags, (size_t)n);
    memset(t->declflags + t->ndeclflags, 0, (size_t)(n - t->ndeclflags));
    t->ndeclflags = n;
  }
  t->declflags[decl] |= flag;
}

void pci_assigned(pcl_State *ls, pci_Table *t, int decl) {
  setflag(ls, t, decl, PCI_ASSIGNED);
}

void pci_constinit(pcl_State *ls, pci_Table *t, int decl) {
  setflag(ls, t, decl, PCI_CONSTINIT);
}

int pci_isassigned(const pci_Table *t, int decl) {
  return decl < 0 || (decl < t->ndeclflags && (t->declflags[decl] & PCI_ASSIGNED));
}

int pci_worthwhile(const pci_Table *t, const pcl_State *ls) {
  if (ls->seesdebug) return 0;
  for (int i = 0; i < t->n; i++)
    if (t->cand[i].ncalls > 0 && !pci_isassigned(t, t->cand[i].decl)) return 1;
  for (int d = 0; d < t->ndeclflags; d++)
    if (t->declflags[d] == PCI_CONSTINIT) return 1;
  return 0;
}
