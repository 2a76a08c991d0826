// Regenerates ../data/model.json from the training files:
//   npx tsx server/src/modules/assistant/intent/build-model.ts
// Run it after changing the data set or the feature code (the test suite says when).
import { BuyerMessageAnalyzer } from "./analyzer";
import { readTrainingSet } from "./dataset";
import { MODEL_FILE, writeShippedAnalyzer } from "./model-file";

const rows = readTrainingSet();
const started = performance.now();
const analyzer = BuyerMessageAnalyzer.train(rows);
writeShippedAnalyzer(analyzer);
console.log(`trained on ${rows.length} messages in ${(performance.now() - started).toFixed(0)} ms; wrote ${MODEL_FILE.pathname}`);
