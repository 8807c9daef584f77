// The Larder module.
