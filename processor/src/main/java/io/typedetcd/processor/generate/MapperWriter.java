package io.typedetcd.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.typedetcd.processor.model.Construction;
import io.typedetcd.processor.model.EntityModel;
import io.typedetcd.processor.model.IdModel;
import io.typedetcd.processor.model.PropertyModel;
import io.typedetcd.processor.model.StorageLayout;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code Entity_Mapper}: keys and ids, version, and (through {@link DocumentCodecWriter} or
 * {@link FieldsCodecWriter}) the value codec. Takes only the model; never reports.
 */
public final class MapperWriter {
  private MapperWriter() {}

  public static TypeSpec.Builder write(EntityModel entity) {
    MapperContext context = new MapperContext(entity);
    boolean document = entity.layout() == StorageLayout.DOCUMENT;
    ClassName base = document ? RuntimeTypes.DOCUMENT_MAPPER : RuntimeTypes.FIELDS_MAPPER;
    TypeName idType = entity.id().type();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(entity.mapper())
            .addModifiers(Modifier.FINAL)
            .addSuperinterface(ParameterizedTypeName.get(base, entity.type(), idType))
            .addJavadoc(
                "Maps {@link $T} to etcd ($L layout under {@code $L}) without reflection.\n",
                entity.type(),
                entity.layout(),
                entity.prefix());
    Modifier[] visibility = entity.isPublic() ? new Modifier[] {Modifier.PUBLIC} : new Modifier[0];
    type.addModifiers(visibility);
    type.addField(
        FieldSpec.builder(
                RuntimeTypes.KEY_PATH,
                MapperContext.ROOT,
                Modifier.PRIVATE,
                Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$T.root($S)", RuntimeTypes.KEY_PATH, entity.prefix())
            .build());
    if (entity.ttl() != null) {
      type.addField(
          FieldSpec.builder(
                  RuntimeTypes.DURATION,
                  MapperContext.TTL,
                  Modifier.PRIVATE,
                  Modifier.STATIC,
                  Modifier.FINAL)
              .initializer(IndexWriter.duration(entity.ttl()))
              .build());
    }
    if (!entity.indexed().isEmpty()) {
      type.addField(IndexWriter.indexesField(entity));
    }
    // Stateless: repositories (and tests) create their own.
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(visibility).build());
    type.addMethod(
        override("entityType", ParameterizedTypeName.get(ClassName.get(Class.class), entity.type()))
            .addStatement("return $T.class", entity.type())
            .build());
    type.addMethod(
        override("entityName", ClassName.get(String.class))
            .addStatement("return $S", entity.displayName())
            .build());
    type.addMethod(
        override("layout", RuntimeTypes.LAYOUT)
            .addStatement("return $T.$L", RuntimeTypes.LAYOUT, entity.layout())
            .build());
    type.addMethod(
        override("root", RuntimeTypes.KEY_PATH)
            .addStatement("return $N", MapperContext.ROOT)
            .build());
    if (entity.ttl() != null) {
      type.addMethod(
          override("defaultTtl", RuntimeTypes.DURATION)
              .addStatement("return $N", MapperContext.TTL)
              .build());
    }
    if (!entity.indexed().isEmpty()) {
      type.addMethod(IndexWriter.indexesMethod(entity));
    }
    type.addMethod(key(context));
    type.addMethod(id(entity));
    type.addMethod(idFromKey(context));
    type.addMethods(version(entity));
    if (document) {
      DocumentCodecWriter.addTo(type, context);
    } else {
      FieldsCodecWriter.addTo(type, context);
    }
    type.addMethod(problem(entity));
    context.addFieldsTo(type);
    return type;
  }

  static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns);
  }

  private static MethodSpec key(MapperContext context) {
    EntityModel entity = context.entity();
    IdModel id = entity.id();
    CodeBlock.Builder path = CodeBlock.builder().add("$N", MapperContext.ROOT);
    List<PropertyModel> keys = entity.keys();
    for (int i = 0; i < keys.size(); i++) {
      PropertyModel key = keys.get(i);
      CodeBlock value =
          id.composite() ? CodeBlock.of("id.$N()", id.components().get(i)) : CodeBlock.of("id");
      path.add(".add($L)", KeyCode.encode(key.keyCodec(), value, context.codec(key)));
    }
    return override("key", RuntimeTypes.BYTE_STRING)
        .addParameter(id.type(), "id")
        .addStatement("return $L.key()", path.build())
        .build();
  }

  private static MethodSpec id(EntityModel entity) {
    IdModel id = entity.id();
    MethodSpec.Builder method = override("id", id.type()).addParameter(entity.type(), "entity");
    if (!id.composite()) {
      return method
          .addStatement("return $L", MapperContext.read(entity.keys().get(0), "entity"))
          .build();
    }
    CodeBlock args =
        entity.keys().stream()
            .map(k -> MapperContext.read(k, "entity"))
            .collect(CodeBlock.joining(", "));
    return method.addStatement("return new $T($L)", id.type(), args).build();
  }

  private static MethodSpec idFromKey(MapperContext context) {
    EntityModel entity = context.entity();
    List<PropertyModel> keys = entity.keys();
    NameAllocator names = new NameAllocator();
    names.newName("key", "key");
    String segments = names.newName("segments", "segments");
    String e = names.newName("e", "e");
    MethodSpec.Builder method =
        override("idFromKey", entity.id().type()).addParameter(RuntimeTypes.BYTE_STRING, "key");
    method
        .addStatement(
            "String[] $N = $N.segmentsOf(key, $L)", segments, MapperContext.ROOT, keys.size())
        .beginControlFlow("if ($N == null)", segments)
        .addStatement(
            "throw problem(key, null, $S, null)",
            "is not a key "
                + entity.prefix()
                + keys.stream().map(k -> "/{" + k.name() + "}").collect(Collectors.joining()))
        .endControlFlow();
    CodeBlock.Builder args = CodeBlock.builder();
    for (int i = 0; i < keys.size(); i++) {
      PropertyModel key = keys.get(i);
      String local = names.newName(MapperContext.local(key.name()), key);
      method
          .addStatement("$T $N", key.type(), local)
          .beginControlFlow("try")
          .addStatement(
              "$N = $L",
              local,
              KeyCode.decode(
                  key.keyCodec(), CodeBlock.of("$N[$L]", segments, i), context.codec(key)))
          .nextControlFlow("catch ($T $N)", RuntimeException.class, e)
          .addStatement(
              "throw problem(key, $S, $S + $N.getMessage(), $N)",
              key.name(),
              "the key segment does not decode: ",
              e,
              e)
          .endControlFlow();
      args.add(i == 0 ? "$N" : ", $N", local);
    }
    if (entity.id().composite()) {
      method.addStatement("return new $T($L)", entity.id().type(), args.build());
    } else {
      method.addStatement("return $L", args.build());
    }
    return method.build();
  }

  private static List<MethodSpec> version(EntityModel entity) {
    PropertyModel version = entity.version().orElse(null);
    MethodSpec has =
        override("hasVersion", TypeName.BOOLEAN).addStatement("return $L", version != null).build();
    MethodSpec.Builder get =
        override("version", TypeName.LONG).addParameter(entity.type(), "entity");
    MethodSpec.Builder with =
        override("withVersion", entity.type())
            .addParameter(entity.type(), "entity")
            .addParameter(TypeName.LONG, "version");
    if (version == null) {
      get.addStatement("return 0L");
      with.addStatement("return entity");
    } else {
      get.addStatement("return $L", MapperContext.read(version, "entity"));
      if (entity.construction().kind() == Construction.Kind.SETTERS) {
        with.addStatement("$L", MapperContext.write(version, "entity", CodeBlock.of("version")))
            .addStatement("return entity");
      } else {
        Map<String, CodeBlock> values = new HashMap<>();
        for (PropertyModel p : entity.properties()) {
          if (p.read() != null) {
            values.put(p.name(), MapperContext.read(p, "entity"));
          }
        }
        values.put(version.name(), CodeBlock.of("version"));
        NameAllocator names = new NameAllocator();
        names.newName("entity", "entity");
        names.newName("version", "version");
        with.addCode(Instances.createAndReturn(entity, values, names));
      }
    }
    return List.of(has, get.build(), with.build());
  }

  /** The one place that builds this mapper's MappingExceptions. */
  private static MethodSpec problem(EntityModel entity) {
    return MethodSpec.methodBuilder("problem")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(RuntimeTypes.MAPPING_EXCEPTION)
        .addParameter(RuntimeTypes.BYTE_STRING, "key")
        .addParameter(String.class, "property")
        .addParameter(String.class, "problem")
        .addParameter(Throwable.class, "cause")
        .addStatement(
            "return new $T($S, key.toStringUtf8(), property, problem, cause)",
            RuntimeTypes.MAPPING_EXCEPTION,
            entity.displayName())
        .build();
  }
}
