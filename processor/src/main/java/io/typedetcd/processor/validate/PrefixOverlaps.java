package io.typedetcd.processor.validate;

import io.typedetcd.processor.Messages;
import io.typedetcd.processor.model.EntityModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * The prefixes of the entities of one compilation, across rounds: no entity's range read may return
 * another entity's keys.
 */
public final class PrefixOverlaps {
  private record Seen(String prefix, String display) {}

  private final List<Seen> seen = new ArrayList<>();

  /**
   * Reports on the entity's prefix when it overlaps one seen before; remembers it otherwise.
   *
   * @return whether the prefix is free
   */
  public boolean claim(TypeElement type, EntityModel entity, Env env, Report report) {
    for (Seen s : seen) {
      if (Prefixes.contains(s.prefix(), entity.prefix())
          || Prefixes.contains(entity.prefix(), s.prefix())) {
        AnnotationMirror annotation = env.mirrors().find(type, Names.ETCD_ENTITY).orElseThrow();
        report.error(
            type,
            annotation,
            env.mirrors().value(annotation, "prefix"),
            Messages.prefixOverlap(entity.displayName(), entity.prefix(), s.display(), s.prefix()));
        return false;
      }
    }
    seen.add(new Seen(entity.prefix(), entity.displayName()));
    return true;
  }
}
