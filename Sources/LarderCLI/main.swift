// The `larder` command-line tool.
LarderCommand.main()
