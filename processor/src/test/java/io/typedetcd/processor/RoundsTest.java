package io.typedetcd.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.typedetcd.processor.Compilations.compile;
import static io.typedetcd.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Types that appear in later rounds: deferred, not reported early. */
class RoundsTest {
  /** Stands for another annotation processor that generates a type the entity uses. */
  static final class GeneratesMoney extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try {
          JavaFileObject file = processingEnv.getFiler().createSourceFile("app.Money");
          try (Writer w = file.openWriter()) {
            w.write("package app;\npublic record Money(long cents, String currency) {}\n");
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  private static final JavaFileObject PRODUCT =
      source(
          "app.Product",
          """
          package app;
          import io.typedetcd.annotation.*;
          @EtcdEntity(prefix = "/products")
          public record Product(@Key String sku, Money price) {}
          """);

  private static final JavaFileObject PRODUCTS =
      source(
          "app.Products",
          """
          package app;
          import io.typedetcd.annotation.EtcdRepository;
          import io.typedetcd.repository.CrudRepository;
          @EtcdRepository
          public interface Products extends CrudRepository<Product, String> {}
          """);

  @Test
  void typeGeneratedByAnotherProcessorIsWaitedFor() {
    Compilation c =
        javac()
            .withProcessors(new GeneratesMoney(), new EtcdProcessor())
            .withOptions("-Xlint:all,-processing")
            .compile(PRODUCT, PRODUCTS);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedSourceFile("app.Product_Mapper")
        .contentsAsUtf8String()
        .contains("private static final JavaType PRICE_TYPE = Json.type(Money.class);");
    assertThat(c).generatedSourceFile("app.Products_Impl").isNotNull();
  }

  @Test
  void generatedIdRecordIsWaitedFor() {
    Compilation c =
        compile(
            source(
                "app.Server",
                """
                package app;
                import io.typedetcd.annotation.*;
                @EtcdEntity(prefix = "/servers")
                public record Server(@Key String region, @Key String id, String host) {}
                """),
            source(
                "app.Servers",
                """
                package app;
                import io.typedetcd.annotation.EtcdRepository;
                import io.typedetcd.repository.CrudRepository;
                @EtcdRepository
                public interface Servers extends CrudRepository<Server, Server_Id> {}
                """));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedSourceFile("app.Server_Id")
        .contentsAsUtf8String()
        .contains("public record Server_Id(String region, String id)");
  }

  @Test
  void entityUsingItsOwnGeneratedIdIsNotWaitingForItself() {
    Compilation c =
        compile(
            source(
                "app.Server",
                """
                package app;
                import io.typedetcd.annotation.*;
                @EtcdEntity(prefix = "/servers")
                public record Server(@Key String region, @Key String id, String host) {
                  public Server_Id key() {
                    return new Server_Id(region, id);
                  }
                  public static Server of(app.Server_Id id, String host) {
                    return new Server(id.region(), id.id(), host);
                  }
                  public Server_Mapper mapper() {
                    return new Server_Mapper();
                  }
                }
                """),
            source(
                "app.Servers",
                """
                package app;
                import io.typedetcd.annotation.EtcdRepository;
                import io.typedetcd.repository.CrudRepository;
                @EtcdRepository
                public interface Servers extends CrudRepository<Server, Server_Id> {}
                """));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("app.Server_Id").isNotNull();
    assertThat(c).generatedSourceFile("app.Servers_Impl").isNotNull();
  }

  @Test
  void entityWaitingForAnotherTypeIsReportedWithThatType() {
    JavaFileObject server =
        source(
            "app.Server",
            """
                package app;
                import io.typedetcd.annotation.*;
                @EtcdEntity(prefix = "/servers")
                public record Server(@Key String region, @Key String id, Money price) {
                  public Server_Id key() {
                    return new Server_Id(region, id);
                  }
                }
                """);
    Compilation c = compile(server);
    assertThat(c)
        .hadErrorContaining(
            "[EtcdUndefinedType] Server references Money, which could not be resolved")
        .inFile(server)
        .onLineContaining("public record Server");
  }

  @Test
  void typeThatNeverAppearsIsReportedOnceProcessingIsOver() {
    Compilation c = compile(PRODUCT, PRODUCTS);
    assertThat(c)
        .hadErrorContaining(
            "[EtcdUndefinedType] Product references Money, which could not be resolved")
        .inFile(PRODUCT)
        .onLineContaining("public record Product");
    // javac reports the missing symbol itself too; the repository, waiting for Product, is not
    // reported a second time.
    assertThat(c).hadErrorContaining("cannot find symbol");
    assertThat(c).hadErrorCount(2);
  }
}
