// The LarderOnline module.
