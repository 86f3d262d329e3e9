package ai.lepton.rules;

/**
 * A news item as the news-monitoring rules see it: the text model's probability that it is an item
 * the institution watches for (negative news), the client it is about (null when it names none on
 * the watch list), and how many items about that client were already sent to review within the
 * window before it, counted from Lepton's record of news items when it arrived.
 *
 * @param alertProbability the model's probability of the watched class (labelled 1, yes or
 *     negative)
 * @param windowHours the window the earlier alerts were counted in
 */
public record NewsItem(
    double alertProbability, String client, int earlierAlertsAboutClient, int windowHours) {}
