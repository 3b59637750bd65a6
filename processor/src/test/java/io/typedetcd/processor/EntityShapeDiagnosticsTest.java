package io.typedetcd.processor;

import static io.typedetcd.processor.Compilations.assertOnlyError;
import static io.typedetcd.processor.Compilations.compile;
import static io.typedetcd.processor.Compilations.source;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Diagnostics of entities whose kind or shape the mapper cannot use without reflection. */
class EntityShapeDiagnosticsTest {
  @Test
  void classPropertyWithoutReadAccess() {
    JavaFileObject src =
        source(
            "app.Order",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/orders")
            public class Order {
              @Key public String id;
              private double total;
              public Order() {}
              public void setTotal(double total) { this.total = total; }
            }
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdEntityShape] property 'total' of Order cannot be read without reflection; make the"
            + " field non-private or add a getter getTotal()",
        "private double total");
  }

  @Test
  void classWithoutUsableConstructor() {
    JavaFileObject src =
        source(
            "app.Order",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/orders")
            public class Order {
              @Key private final String id;
              private final double total;
              public Order(String orderId, double amount) { this.id = orderId; this.total = amount; }
              public String getId() { return id; }
              public double getTotal() { return total; }
            }
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdEntityShape] Order cannot be created without reflection: it has no non-private"
            + " no-argument constructor and no non-private constructor whose parameters are named"
            + " after its properties (id, total); supported shapes are a record;",
        "public class Order");
  }

  @Test
  void classWithSettersMissing() {
    JavaFileObject src =
        source(
            "app.Order",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/orders")
            public class Order {
              @Key private String id;
              private double total;
              public Order() {}
              public String getId() { return id; }
              public void setId(String id) { this.id = id; }
              public double getTotal() { return total; }
            }
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdEntityShape] Order cannot be created without reflection: property 'total' has no"
            + " setter setTotal(..) and no non-final non-private field",
        "public class Order");
  }

  @Test
  void interfaceAsEntity() {
    JavaFileObject src =
        source(
            "app.Named",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/named")
            public interface Named {}
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdEntityKind] @EtcdEntity Named is an interface; annotate a record or a concrete class",
        "interface Named");
  }

  @Test
  void genericEntity() {
    JavaFileObject src =
        source(
            "app.Box",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/boxes")
            public record Box<T>(@Key String id, T content) {}
            """);
    assertOnlyError(
        compile(src), src, "[EtcdEntityGeneric] @EtcdEntity Box has type parameters", "record Box");
  }

  @Test
  void innerClassEntity() {
    JavaFileObject src =
        source(
            "app.Shop",
            """
            package app;
            import io.typedetcd.annotation.*;
            public class Shop {
              @EtcdEntity(prefix = "/items")
              public class Item {
                @Key public String id;
              }
            }
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdEntityAccess] @EtcdEntity Shop.Item is an inner class; make it static",
        "public class Item");
  }
}
