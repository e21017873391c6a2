import { describeRepositoriesContract } from "@confide/contracts";
import { describeOnEachDatabase } from "../../test-support/sql-test-databases.ts";

describeOnEachDatabase("SQL repositories", (database) => {
  describeRepositoriesContract({ name: database.name, create: () => database.createRepositories() });
});
