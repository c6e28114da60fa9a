package org.parley.environments.dialogue;

/** A deal struck in a negotiation: the price, who offered it, who accepted it, and when. */
record Deal(double price, String offeredBy, String acceptedBy, long turn) {}
