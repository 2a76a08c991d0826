// `qindesk migrate`: bring the database schema up to date.
import { parseCommandArgs } from "../args";
import type { Command } from "../main";
import { openStore } from "../open-store";

export const command: Command = {
  summary: "bring the database schema up to date",
  usage: "migrate",
  async run(argv) {
    parseCommandArgs(argv, {}, false);
    const database = await openStore("migrate");
    await database.close();
    console.log(`schema up to date (${database.kind}: ${database.location})`);
    return 0;
  },
};
