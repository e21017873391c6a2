import { describeLegalHoldRepositoryContract } from "@confide/contracts";
import { describeSqlRepositorySuite } from "../../test-support/sql-test-databases.ts";

describeSqlRepositorySuite({
  title: "SQL legal hold repository",
  port: "holds",
  contract: describeLegalHoldRepositoryContract,
});
