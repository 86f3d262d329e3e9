package ai.lepton.api;

/** The body of every 4xx Lepton's API answers: what went wrong, and what a person can do about it. */
public record ApiError(String error, String detail) {}
