package ai.lepton.access;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers kept for a short time and then asked for again (a login, a user's groups, a right): at
 * most {@value #MOST_KEPT}, all forgotten at once when that many are kept. A time of zero keeps
 * nothing.
 */
public final class ShortMemory<K, V> {

  private record Kept<V>(V value, long until) {}

  static final int MOST_KEPT = 10_000;

  private final long keepNanos;
  private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();

  public ShortMemory(Duration keep) {
    this.keepNanos = keep.toNanos();
  }

  /** The answer kept for {@code key}, or null when there is none or its time is over. */
  public V get(K key) {
    Kept<V> answer = kept.get(key);
    return answer == null || System.nanoTime() - answer.until() > 0 ? null : answer.value();
  }

  public void put(K key, V value) {
    if (keepNanos <= 0) {
      return;
    }
    if (kept.size() >= MOST_KEPT) {
      kept.clear();
    }
    kept.put(key, new Kept<>(value, System.nanoTime() + keepNanos));
  }

  public void forget(K key) {
    kept.remove(key);
  }
}
