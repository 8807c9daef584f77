// The LarderOffline module.
