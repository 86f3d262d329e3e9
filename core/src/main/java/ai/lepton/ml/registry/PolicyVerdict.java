package ai.lepton.ml.registry;

import java.time.Instant;

/**
 * The approval policy's verdict on a champion, with the quality findings it weighed, as the rules
 * gave it.
 */
public record PolicyVerdict(
    String modelVersionId,
    String engagementKey,
    String verdict,
    String blockers,
    String warnings,
    String qualityVerdict,
    String qualityFindings,
    Instant recordedAt) {}
