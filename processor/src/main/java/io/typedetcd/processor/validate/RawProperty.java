package io.typedetcd.processor.validate;

import io.typedetcd.processor.model.Access;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * A property as found in source, before its annotations are interpreted.
 *
 * @param name the Java name
 * @param element where diagnostics go: the record component or the field
 * @param type its type
 * @param annotated the elements whose annotations count: the component, or the field and its getter
 * @param read how to read it; null when generated code cannot
 * @param write a setter or writable field; null when there is none (or for records)
 * @param javaTransient declared with the {@code transient} modifier
 */
record RawProperty(
    String name,
    Element element,
    TypeMirror type,
    List<Element> annotated,
    Access read,
    Access write,
    boolean javaTransient) {

  /** The annotation on any of the annotated elements, and the element it is on. */
  Optional<Found> annotation(Mirrors mirrors, String annotationName) {
    for (Element e : annotated) {
      Optional<AnnotationMirror> m = mirrors.find(e, annotationName);
      if (m.isPresent()) {
        return Optional.of(new Found(e, m.get()));
      }
    }
    return Optional.empty();
  }

  record Found(Element element, AnnotationMirror mirror) {}
}
