// The `larder` command-line tool.
await LarderCommand.main()
