// The PostgreSQL test server lives in testkit so the apps' end-to-end tests can start one too.
export * from "@catbot/testkit/postgres";
