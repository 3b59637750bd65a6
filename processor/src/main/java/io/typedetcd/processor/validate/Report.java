package io.typedetcd.processor.validate;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The errors found on one element, each attached to the narrowest element (and annotation, and
 * annotation value) that explains it. Validators fill it; the processor prints it and generates
 * only when it is clean.
 */
public final class Report {
  private record Item(
      Element element, AnnotationMirror annotation, AnnotationValue value, String message) {}

  private final List<Item> items = new ArrayList<>();

  public void error(Element element, String message) {
    items.add(new Item(element, null, null, message));
  }

  public void error(Element element, AnnotationMirror annotation, String message) {
    items.add(new Item(element, annotation, null, message));
  }

  public void error(
      Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
    items.add(new Item(element, annotation, value, message));
  }

  public boolean isClean() {
    return items.isEmpty();
  }

  public void printTo(Messager messager) {
    for (Item item : items) {
      if (item.value() != null) {
        messager.printMessage(
            Diagnostic.Kind.ERROR, item.message(), item.element(), item.annotation(), item.value());
      } else if (item.annotation() != null) {
        messager.printMessage(
            Diagnostic.Kind.ERROR, item.message(), item.element(), item.annotation());
      } else {
        messager.printMessage(Diagnostic.Kind.ERROR, item.message(), item.element());
      }
    }
  }
}
