#ifndef LARDER_CHIREDIS_SHIM_H
#define LARDER_CHIREDIS_SHIM_H

#include <hiredis/hiredis.h>
#include <sys/time.h>

/// Connects with a timeout given in milliseconds (hiredis takes a `struct timeval`).
static inline redisContext *larder_redis_connect(const char *host, int port, long milliseconds) {
    struct timeval timeout = {milliseconds / 1000, (milliseconds % 1000) * 1000};
    return redisConnectWithTimeout(host, port, timeout);
}

/// Sets the read and write timeout of a connected context, in milliseconds.
static inline int larder_redis_set_timeout(redisContext *context, long milliseconds) {
    struct timeval timeout = {milliseconds / 1000, (milliseconds % 1000) * 1000};
    return redisSetTimeout(context, timeout);
}

#endif
