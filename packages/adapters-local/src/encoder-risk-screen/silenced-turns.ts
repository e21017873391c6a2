/**
 * Turns the encoder does not read: where the rules' context — a negation, a condition, someone
 * else, the past, a joke, a prescription, an accident — can change what the words mean, and a
 * whole-turn reading cannot tell. The rules still read them (with their context rules); only the
 * encoder's extra flags are withheld. This list is what the encoder was measured with
 * (bench/results/risk-screen.md: silenced, threshold 0.9), with negated contractions written out
 * ("won't", "didn't") where the first list missed them.
 */
const contextWords =
  /(?:^|[^\p{L}'’])(?:if|would|could|what if|not|\p{L}+n['’]t|dont|didnt|doesnt|wont|cant|wouldnt|havent|hasnt|isnt|wasnt|never|no|nothing|he|she|they|his|her|their|used to|years ago|was a kid|when i was|promise|joke|joking|kidding|prescribed|doctor|gp|accident|by mistake)(?=$|[^\p{L}'’])/iu;

/** Whether the encoder leaves this turn to the rules alone. */
export function isSilenced(text: string): boolean {
  const words = text.trim().split(/\s+/).filter((word) => word !== "");
  // A question, or too few words to read a meaning from ("Yes.", "Since June.").
  return words.length < 3 || /\?\s*$/.test(text) || contextWords.test(text);
}

/** Words to the listener ("you", "your"): with no roles, most likely the therapist's. */
export function addressesTheListener(text: string): boolean {
  return /(?:^|[^\p{L}'’])(?:you|your|yourself|you['’](?:re|ve|ll|d))(?=$|[^\p{L}'’])/iu.test(text);
}
