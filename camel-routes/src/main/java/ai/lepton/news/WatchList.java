package ai.lepton.news;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clients an institution watches the news for, and which one an item is about: the watched name
 * that occurs first in the item, matched as a whole word regardless of case.
 */
final class WatchList {

  private final List<String> names;
  private final Pattern pattern;

  WatchList(List<String> names) {
    this.names = List.copyOf(names);
    this.pattern =
        names.isEmpty()
            ? null
            : Pattern.compile(
                "\\b(" + String.join("|", names.stream().map(Pattern::quote).toList()) + ")\\b",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /**
   * The watched client the text names first, as the watch list spells it; null when it names none.
   */
  String clientOf(String text) {
    if (pattern == null || text == null) {
      return null;
    }
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      return null;
    }
    String found = matcher.group(1).toLowerCase(Locale.ROOT);
    return names.stream()
        .filter(name -> name.toLowerCase(Locale.ROOT).equals(found))
        .findFirst()
        .orElse(matcher.group(1));
  }
}
