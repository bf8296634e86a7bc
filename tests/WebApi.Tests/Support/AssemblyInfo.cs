// Hangfire keeps process-wide static state and every test class starts its own host: run the classes one
// after the other. Each class still gets a fresh database.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
