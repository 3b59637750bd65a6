package io.typedetcd.processor.validate;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules for {@code @EtcdEntity(prefix, ttl)} values; pure string logic. */
public final class Prefixes {
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  private Prefixes() {}

  /** What is wrong with the prefix, or null when it is fine. */
  public static String problem(String prefix) {
    if (prefix.isEmpty()) {
      return "is empty";
    }
    if (!prefix.startsWith("/")) {
      return "is relative";
    }
    if (prefix.contains("//")) {
      return "contains an empty segment ('//')";
    }
    if (prefix.endsWith("/")) {
      return "ends with '/' (range reads add it)";
    }
    if (prefix.indexOf('%') >= 0) {
      return "contains '%' (index keys reserve it: {prefix}%idx/..., {prefix}%uniq/...)";
    }
    return null;
  }

  /**
   * Whether a range read under {@code outer} returns keys under {@code inner}: the same path, or
   * {@code outer} is a path prefix of {@code inner} ({@code /users} of {@code /users/admins}, not
   * of {@code /users2}).
   */
  public static boolean contains(String outer, String inner) {
    return inner.equals(outer) || inner.startsWith(outer + "/");
  }

  /** The TTL as a duration; null when it does not parse or is not positive. Empty is zero. */
  public static Duration ttl(String text) {
    if (text.isEmpty()) {
      return Duration.ZERO;
    }
    Duration d;
    Matcher m = SHORT_DURATION.matcher(text);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "ms":
          d = Duration.ofMillis(n);
          break;
        case "s":
          d = Duration.ofSeconds(n);
          break;
        case "m":
          d = Duration.ofMinutes(n);
          break;
        case "h":
          d = Duration.ofHours(n);
          break;
        default:
          d = Duration.ofDays(n);
          break;
      }
    } else {
      try {
        d = Duration.parse(text);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return d.isNegative() || d.isZero() ? null : d;
  }
}
