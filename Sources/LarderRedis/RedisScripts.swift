/// The Lua scripts the store runs on the server, each loaded with `SCRIPT LOAD` on every new
/// connection and run with `EVALSHA`.
///
/// Keys are passed as arguments, not as declared keys, with the `allow-cross-slot-keys`
/// flag: on a cluster node one call then covers keys of many slots that node serves (a call
/// with declared keys would have to stay in one slot). A key another node serves fails with
/// "non local key", which the client treats as a redirection.
///
/// A stored field value is the 8-byte little-endian schema version, then the row in the
/// LMDB record encoding: format byte 1 at byte 9 (1-based), flags at 10, the event time at
/// 11-18 and, when flag bit 0 is set, the created time at 19-26, both little-endian Int64.
enum RedisScript: Int, CaseIterable, Sendable {
    /// Writes rows newer-wins: `field, n, expiry, key1..keyn, value1..valuen` and, when
    /// `expiry` is `at`, `at1..atn` (milliseconds since the epoch) → per key 1 (written) or 0
    /// (the stored row of the same version is as new or newer). With `expiry` `at`, a new
    /// key expires at its `at` and an expiring key is extended to it; with `persist`, a
    /// written key no longer expires (a view without TTL shares it); with `none`, expiry is
    /// left alone.
    case write
    /// Reads one field of many keys: `field, key1..keyn` → per key the value or nil.
    case read
    /// The versions a field is stored under: `field, key1..keyn` → the first 8 bytes of each
    /// stored value.
    case versions
    /// Removes one field from keys: `field, key1..keyn` → how many were removed.
    case dropField
    /// Keeps only listed fields at listed versions: `n, field1..fieldn, version1..versionn,
    /// key1..`, → the names of the fields removed, each once.
    case prune
    /// Deletes keys: `key1..keyn` → how many existed.
    case delete

    /// The script text.
    var source: String {
        switch self {
        case .write: Self.order + Self.writeBody
        case .read: Self.readBody
        case .versions: Self.versionsBody
        case .dropField: Self.dropFieldBody
        case .prune: Self.pruneBody
        case .delete: Self.deleteBody
        }
    }

    /// The shebang line with the flags every script has; reads also say they write nothing.
    private static let writing = "#!lua flags=allow-cross-slot-keys\n"
    private static let reading = "#!lua flags=allow-cross-slot-keys,no-writes\n"

    /// Decodes the newer-wins order of a stored value as four exact 32-bit numbers (Lua's
    /// numbers are doubles, which cannot hold an Int64): event high (signed), event low,
    /// created high (signed), created low; an absent created time is Int64.min, as in LMDB.
    private static let order =
        writing + """
            local function order(value)
              if string.len(value) < 18 or string.byte(value, 9) ~= 1 then return nil end
              local function word(at)
                local b1, b2, b3, b4 = string.byte(value, at, at + 3)
                return b1 + b2 * 256 + b3 * 65536 + b4 * 16777216
              end
              local function signed(w) if w >= 2147483648 then return w - 4294967296 end return w end
              local created_high, created_low = -2147483648, 0
              if string.byte(value, 10) % 2 == 1 then
                if string.len(value) < 26 then return nil end
                created_high, created_low = signed(word(23)), word(19)
              end
              return {signed(word(15)), word(11), created_high, created_low}
            end
            local function newer(new, old)
              for i = 1, 4 do
                if new[i] ~= old[i] then return new[i] > old[i] end
              end
              return false
            end

            """

    private static let writeBody = """
        local field = ARGV[1]
        local count = tonumber(ARGV[2])
        local expiry = ARGV[3]
        local results = {}
        for i = 1, count do
          local key, value = ARGV[3 + i], ARGV[3 + count + i]
          local stored = redis.call('HGET', key, field)
          local write = true
          if stored and string.sub(stored, 1, 8) == string.sub(value, 1, 8) then
            local old = order(stored)
            if old then write = newer(order(value), old) end
          end
          if write then
            local existed = redis.call('EXISTS', key) == 1
            redis.call('HSET', key, field, value)
            if expiry == 'persist' then
              redis.call('PERSIST', key)
            elseif expiry == 'at' then
              local at = tonumber(ARGV[3 + 2 * count + i])
              local current = redis.call('PEXPIRETIME', key)
              if not existed or (current >= 0 and current < at) then redis.call('PEXPIREAT', key, at) end
            end
          end
          results[i] = write and 1 or 0
        end
        return results
        """

    private static let readBody =
        reading + """
            local field = ARGV[1]
            local results = {}
            for i = 2, #ARGV do
              results[i - 1] = redis.call('HGET', ARGV[i], field)
            end
            return results
            """

    private static let versionsBody =
        reading + """
            local field = ARGV[1]
            local results = {}
            for i = 2, #ARGV do
              local stored = redis.call('HGET', ARGV[i], field)
              if stored then results[#results + 1] = string.sub(stored, 1, 8) end
            end
            return results
            """

    private static let dropFieldBody =
        writing + """
            local field = ARGV[1]
            local removed = 0
            for i = 2, #ARGV do
              removed = removed + redis.call('HDEL', ARGV[i], field)
            end
            return removed
            """

    private static let pruneBody =
        writing + """
            local count = tonumber(ARGV[1])
            local kept = {}
            for i = 1, count do kept[ARGV[1 + i]] = ARGV[1 + count + i] end
            local removed, names = {}, {}
            for i = 2 + 2 * count, #ARGV do
              local fields = redis.call('HGETALL', ARGV[i])
              for j = 1, #fields, 2 do
                local field, value = fields[j], fields[j + 1]
                if kept[field] ~= string.sub(value, 1, 8) then
                  redis.call('HDEL', ARGV[i], field)
                  if not removed[field] then
                    removed[field] = true
                    names[#names + 1] = field
                  end
                end
              end
            end
            return names
            """

    private static let deleteBody =
        writing + """
            local deleted = 0
            for i = 1, #ARGV do
              deleted = deleted + redis.call('DEL', ARGV[i])
            end
            return deleted
            """
}
