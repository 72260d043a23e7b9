/*
** interleave.c -- example host: loads two piccolo images into two threads
** of one state and steps them alternately with a small fuel budget until
** both finish, then prints each one's results. Module: examples/embed.
** Usage: interleave IMAGE1 IMAGE2 [FUEL]
*/
#include <stdio.h>
#include <stdlib.h>

#include "runtime/piccolo.h"

/* Reads a whole file into a malloc'd buffer; returns NULL on failure. */
static char *readfile(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  char *buf;
  long n;
  if (f == NULL)
    return NULL;
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = malloc(n > 0 ? (size_t)n : 1);
  if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  *size = (size_t)n;
  return buf;
}

/* Creates a thread of [L] running image [path]; the thread stays anchored on
** L's stack. Returns NULL (message printed) on failure. */
static pic_State *loadthread(pic_State *L, const char *path) {
  size_t size;
  char *data = readfile(path, &size);
  pic_State *T;
  int status;
  if (data == NULL) {
    fprintf(stderr, "interleave: cannot read %s\n", path);
    return NULL;
  }
  T = pic_newthread(L);
  status = pic_loadimage(T, data, size, path);
  free(data);
  if (status != PIC_OK || pic_start(T, 0) != PIC_OK) {
    fprintf(stderr, "interleave: %s: %s\n", path, pic_tostring(T, -1));
    return NULL;
  }
  return T;
}

/* Prints the [n] results on top of [T]. */
static void printresults(const char *name, pic_State *T, int n) {
  int i;
  printf("%s finished:", name);
  for (i = n; i >= 1; i--) {
    pic_pushvalue(T, -i);
    if (pic_isboolean(T, -1))
      printf(" %s", pic_toboolean(T, -1) ? "true" : "false");
    else if (pic_isstring(T, -1))
      printf(" %s", pic_tostring(T, -1));
    else
      printf(" (%s)", pic_typename(T, pic_type(T, -1)));
    pic_pop(T, 1);
  }
  printf("\n");
}

int main(int argc, char **argv) {
  pic_State *L, *T[2];
  int done[2] = {0, 0}, steps[2] = {0, 0}, i, failed = 0;
  int64_t fuel = argc > 3 ? atoll(argv[3]) : 50;
  if (argc < 3) {
    fprintf(stderr, "usage: interleave IMAGE1 IMAGE2 [FUEL]\n");
    return 2;
  }
  L = pic_newstate(NULL, NULL);
  if (L == NULL)
    return 1;
  pic_openlibs(L);
  for (i = 0; i < 2; i++) {
    T[i] = loadthread(L, argv[1 + i]);
    if (T[i] == NULL)
      return 1;
  }
  while (!done[0] || !done[1]) {
    for (i = 0; i < 2; i++) {
      int nres, status;
      if (done[i])
        continue;
      status = pic_step(T[i], fuel, &nres);
      steps[i]++;
      if (status == PIC_FUEL)
        continue;   /* out of fuel: the other thread gets its turn */
      done[i] = 1;
      if (status == PIC_OK) {
        printresults(argv[1 + i], T[i], nres);
      } else {
        printf("%s failed: %s\n", argv[1 + i], pic_tostring(T[i], -1));
        failed = 1;
      }
    }
  }
  printf("steps: %d and %d (fuel %lld per step)\n", steps[0], steps[1], (long long)fuel);
  pic_close(L);
  return failed;
}
