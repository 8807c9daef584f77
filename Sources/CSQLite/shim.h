#pragma once
#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro that casts -1 to a function pointer, which Swift cannot import.
// These wrappers bind a copy of the bytes, so the caller's buffer may go away after the call.

/// Binds a copy of UTF-8 text (`length` bytes) to parameter `index`.
static inline int larder_sqlite3_bind_text_copy(sqlite3_stmt *statement, int index, const char *text, int length) {
    return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}

/// Binds a copy of `length` bytes as a blob to parameter `index`.
static inline int larder_sqlite3_bind_blob_copy(sqlite3_stmt *statement, int index, const void *bytes, int length) {
    return sqlite3_bind_blob(statement, index, bytes, length, SQLITE_TRANSIENT);
}

// SQLITE_STATIC is a macro too. These wrappers bind the caller's bytes without a copy: they
// must stay valid until the parameter is bound again or the bindings are cleared.

/// Binds UTF-8 text (`length` bytes) to parameter `index` without copying it.
static inline int larder_sqlite3_bind_text_static(sqlite3_stmt *statement, int index, const char *text, int length) {
    return sqlite3_bind_text(statement, index, text, length, SQLITE_STATIC);
}

/// Binds `length` bytes as a blob to parameter `index` without copying them.
static inline int larder_sqlite3_bind_blob_static(sqlite3_stmt *statement, int index, const void *bytes, int length) {
    return sqlite3_bind_blob(statement, index, bytes, length, SQLITE_STATIC);
}

// sqlite3_config is variadic, which Swift cannot call.

/// Turns off SQLite's memory statistics, which take a global lock on every allocation. Call
/// before SQLite is first used in the process; returns SQLITE_MISUSE afterwards.
static inline int larder_sqlite3_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
