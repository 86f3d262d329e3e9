package ai.lepton.ml.card;

import java.util.List;

/**
 * One point of the EU AI Act's Annex IV as a card or a record lists it: the point, what it asks for
 * in short, and the JSON keys of the document where Lepton answers it.
 */
public record AnnexIvPoint(String point, String asks, List<String> where) {}
