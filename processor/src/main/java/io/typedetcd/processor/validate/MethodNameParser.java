package io.typedetcd.processor.validate;

import io.typedetcd.processor.model.QueryVerb;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a derived query name into its parts; pure string logic. Property names are matched against
 * the entity's properties first, so a property whose name contains {@code And} (such as {@code
 * brandName}) is not split.
 *
 * <pre>
 * name     := verb [First | Top N] criteria [OrderBy prop [Asc | Desc]] [Async]
 * verb     := find | stream | count | exists | delete | watch
 * criteria := All | [All] By [prop (And prop)*]
 * </pre>
 *
 * <p>{@code findAllBy} reads like {@code findBy}; {@code By} with no property before {@code
 * OrderBy} means all entities; the {@code Async} suffix lets a future-returning twin sit next to
 * the blocking method of the same query.
 */
public final class MethodNameParser {
  /**
   * A parsed name.
   *
   * @param verb the leading word
   * @param limit 1 for {@code First}, N for {@code TopN}, -1 for none
   * @param criteria the properties after {@code By}, as written (decapitalized); empty for {@code
   *     All}
   * @param orderBy the property after {@code OrderBy}, or null
   * @param descending {@code Desc}
   * @param asyncSuffix the name ends in {@code Async}
   */
  public record Parsed(
      QueryVerb verb,
      int limit,
      List<String> criteria,
      String orderBy,
      boolean descending,
      boolean asyncSuffix) {
    public Parsed {
      criteria = List.copyOf(criteria);
    }
  }

  private MethodNameParser() {}

  /** The parts, or null when the name does not follow the grammar. */
  public static Parsed parse(String name, List<String> properties) {
    if (name.endsWith("Async")) {
      // Unless a property name ends in Async: then the name means that property.
      Parsed stripped =
          parseWithoutSuffix(name.substring(0, name.length() - "Async".length()), properties, true);
      if (stripped != null
          && properties.containsAll(stripped.criteria())
          && (stripped.orderBy() == null || properties.contains(stripped.orderBy()))) {
        return stripped;
      }
    }
    return parseWithoutSuffix(name, properties, false);
  }

  private static Parsed parseWithoutSuffix(String name, List<String> properties, boolean async) {
    QueryVerb verb = null;
    for (QueryVerb v : QueryVerb.values()) {
      if (name.startsWith(v.word())) {
        verb = v;
      }
    }
    if (verb == null) {
      return null;
    }
    String rest = name.substring(verb.word().length());
    int limit = -1;
    if (rest.startsWith("First")) {
      limit = 1;
      rest = rest.substring("First".length());
    } else if (rest.startsWith("Top")) {
      int end = "Top".length();
      while (end < rest.length() && Character.isDigit(rest.charAt(end))) {
        end++;
      }
      if (end == "Top".length() || end - "Top".length() > 9) {
        return null;
      }
      limit = Integer.parseInt(rest.substring("Top".length(), end));
      rest = rest.substring(end);
    }
    List<String> sorted = new ArrayList<>(properties);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    List<String> criteria = new ArrayList<>();
    if (rest.startsWith("AllBy")) {
      rest = rest.substring("All".length());
    }
    if (rest.startsWith("All")) {
      rest = rest.substring("All".length());
    } else if (rest.startsWith("ByOrderBy")) {
      rest = rest.substring("By".length());
    } else if (rest.startsWith("By")) {
      rest = rest.substring("By".length());
      while (true) {
        if (rest.isEmpty() || !Character.isUpperCase(rest.charAt(0))) {
          return null;
        }
        String property = matchCriterion(rest, sorted);
        criteria.add(decapitalize(property));
        rest = rest.substring(property.length());
        if (isAnd(rest)) {
          rest = rest.substring("And".length());
        } else {
          break;
        }
      }
    } else {
      return null;
    }
    if (rest.isEmpty()) {
      return new Parsed(verb, limit, criteria, null, false, async);
    }
    if (!rest.startsWith("OrderBy") || rest.length() == "OrderBy".length()) {
      return null;
    }
    rest = rest.substring("OrderBy".length());
    for (String p : sorted) {
      String cap = PropertyScanner.capitalize(p);
      if (rest.startsWith(cap)) {
        String direction = rest.substring(cap.length());
        if (direction.isEmpty() || direction.equals("Asc") || direction.equals("Desc")) {
          return new Parsed(verb, limit, criteria, p, direction.equals("Desc"), async);
        }
      }
    }
    boolean desc = rest.endsWith("Desc");
    String unknown =
        desc
            ? rest.substring(0, rest.length() - "Desc".length())
            : rest.endsWith("Asc") ? rest.substring(0, rest.length() - "Asc".length()) : rest;
    if (unknown.isEmpty()) {
      return null;
    }
    return new Parsed(verb, limit, criteria, decapitalize(unknown), desc, async);
  }

  /** The capitalized text of the next criterion: a known property if one fits, else up to And. */
  private static String matchCriterion(String rest, List<String> sortedProperties) {
    for (String p : sortedProperties) {
      String cap = PropertyScanner.capitalize(p);
      if (rest.startsWith(cap)) {
        String next = rest.substring(cap.length());
        if (next.isEmpty() || isAnd(next) || next.startsWith("OrderBy")) {
          return cap;
        }
      }
    }
    for (int i = 1; i < rest.length(); i++) {
      String next = rest.substring(i);
      if (isAnd(next) || next.startsWith("OrderBy")) {
        return rest.substring(0, i);
      }
    }
    return rest;
  }

  private static boolean isAnd(String rest) {
    return rest.startsWith("And")
        && rest.length() > "And".length()
        && Character.isUpperCase(rest.charAt("And".length()));
  }

  static String decapitalize(String name) {
    return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
