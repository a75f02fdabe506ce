#ifndef COORD_CNCURSES_SHIM_H
#define COORD_CNCURSES_SHIM_H
/* SwiftPM drops pkg-config's -D flags, so turn on the wide-character API here. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncurses.h>

/* Macros with casts and C globals are not importable (or not concurrency-safe) in Swift 6. */
static inline WINDOW *coord_stdscr(void) { return stdscr; }
static inline attr_t coord_a_normal(void) { return A_NORMAL; }
static inline attr_t coord_a_bold(void) { return A_BOLD; }
static inline attr_t coord_a_reverse(void) { return A_REVERSE; }
static inline attr_t coord_a_underline(void) { return A_UNDERLINE; }
static inline attr_t coord_a_dim(void) { return A_DIM; }
static inline FILE *coord_stdin(void) { return stdin; }
static inline FILE *coord_stdout(void) { return stdout; }
#endif
