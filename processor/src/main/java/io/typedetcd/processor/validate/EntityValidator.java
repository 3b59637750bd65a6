package io.typedetcd.processor.validate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.typedetcd.processor.Messages;
import io.typedetcd.processor.model.Construction;
import io.typedetcd.processor.model.EntityModel;
import io.typedetcd.processor.model.IdModel;
import io.typedetcd.processor.model.KeyCodec;
import io.typedetcd.processor.model.PropertyModel;
import io.typedetcd.processor.model.Role;
import io.typedetcd.processor.model.StorageLayout;
import io.typedetcd.processor.model.ValueKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Checks an {@code @EtcdEntity} and builds its model. Every problem goes into the report on the
 * narrowest element; the model is returned only when there is none.
 */
public final class EntityValidator {
  private final Env env;
  private final PropertyScanner scanner;
  private final KeyTypes keyTypes;
  private final ValueKinds valueKinds;
  private final Constructions constructions;
  private final IdTypes idTypes;
  private final PropertyRoles propertyRoles;

  public EntityValidator(Env env) {
    this.env = env;
    this.scanner = new PropertyScanner(env);
    this.keyTypes = new KeyTypes(env);
    this.valueKinds = new ValueKinds(env);
    this.constructions = new Constructions(env);
    this.idTypes = new IdTypes(env);
    this.propertyRoles = new PropertyRoles(env);
  }

  /**
   * The entity's model, or empty when the report has errors.
   *
   * @param generating false for an entity of another compilation, which is only referenced by a
   *     repository: how to construct it is then not needed (and constructor parameter names may not
   *     be in its class file)
   */
  public Optional<EntityModel> validate(TypeElement type, Report report, boolean generating) {
    String display = Env.displayName(type);
    if (!checkType(type, display, report)) {
      return Optional.empty();
    }
    AnnotationMirror annotation = env.mirrors().find(type, Names.ETCD_ENTITY).orElseThrow();
    String prefix = checkedString(type, annotation, "prefix", display, report, true);
    Duration ttl = Prefixes.ttl(checkedString(type, annotation, "ttl", display, report, false));
    VariableElement layoutConstant =
        (VariableElement) env.mirrors().value(annotation, "layout").getValue();
    StorageLayout layout = StorageLayout.valueOf(layoutConstant.getSimpleName().toString());

    List<RawProperty> raws = scanner.scan(type);
    Map<String, Role> roles = new HashMap<>();
    for (RawProperty raw : raws) {
      roles.put(raw.name(), propertyRoles.role(raw, display, report));
    }
    List<RawProperty> keys = raws.stream().filter(r -> roles.get(r.name()) == Role.KEY).toList();
    if (keys.isEmpty()) {
      report.error(type, Messages.noKey(display));
    }
    propertyRoles.checkVersions(raws, roles, display, report);

    List<PropertyModel> properties = new ArrayList<>();
    Map<String, String> storedNames = new HashMap<>();
    for (RawProperty raw : raws) {
      property(raw, roles.get(raw.name()), layout, display, storedNames, report)
          .ifPresent(properties::add);
    }
    Set<String> transients = new HashSet<>();
    roles.forEach(
        (name, role) -> {
          if (role == Role.TRANSIENT) {
            transients.add(name);
          }
        });
    Construction construction =
        generating
            ? constructions.resolve(type, display, raws, transients, report).orElse(null)
            : null;
    Optional<IdModel> id =
        keys.isEmpty() ? Optional.empty() : idTypes.resolve(type, display, keys, report);
    if (!report.isClean() || id.isEmpty()) {
      return Optional.empty();
    }
    ClassName name = ClassName.get(type);
    return Optional.of(
        new EntityModel(
            name,
            display,
            ClassName.get(name.packageName(), Env.flatName(name) + "_Mapper"),
            env.isPublicEverywhere(type),
            prefix,
            layout,
            ttl == null || ttl.isZero() ? null : ttl,
            properties,
            construction,
            id.get()));
  }

  private boolean checkType(TypeElement type, String display, Report report) {
    ElementKind kind = type.getKind();
    if (kind != ElementKind.RECORD && kind != ElementKind.CLASS) {
      String what =
          kind == ElementKind.INTERFACE
              ? "an interface"
              : kind == ElementKind.ENUM ? "an enum" : "an annotation type";
      report.error(type, Messages.entityKind(display, what));
      return false;
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      report.error(type, Messages.entityKind(display, "abstract"));
      return false;
    }
    if (!type.getTypeParameters().isEmpty()) {
      report.error(type, Messages.entityGeneric(display));
      return false;
    }
    String problem = null;
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      problem = "is private";
    } else if (type.getEnclosingElement() instanceof TypeElement
        && !type.getModifiers().contains(Modifier.STATIC)
        && kind == ElementKind.CLASS) {
      problem = "is an inner class; make it static";
    } else if (!env.accessibleFrom(type, env.packageOf(type))) {
      problem = "is nested in a private class";
    }
    if (problem != null) {
      report.error(type, Messages.entityAccess(display, problem));
      return false;
    }
    return true;
  }

  /** The prefix or ttl, reporting on the value as written when it is wrong. */
  private String checkedString(
      TypeElement type,
      AnnotationMirror annotation,
      String member,
      String display,
      Report report,
      boolean isPrefix) {
    AnnotationValue value = env.mirrors().value(annotation, member);
    String text = (String) value.getValue();
    String message = null;
    if (isPrefix) {
      String problem = Prefixes.problem(text);
      message = problem == null ? null : Messages.prefix(display, text, problem);
    } else if (Prefixes.ttl(text) == null) {
      message = Messages.ttl(display, text);
    }
    if (message != null) {
      report.error(type, annotation, value, message);
    }
    return text;
  }

  private Optional<PropertyModel> property(
      RawProperty raw,
      Role role,
      StorageLayout layout,
      String display,
      Map<String, String> storedNames,
      Report report) {
    Mirrors m = env.mirrors();
    String storedName = raw.name();
    Optional<RawProperty.Found> name = raw.annotation(m, Names.NAME);
    if (name.isPresent()) {
      AnnotationValue value = m.value(name.get().mirror(), "value");
      storedName = (String) value.getValue();
      String problem =
          storedName.isEmpty()
              ? "is empty"
              : layout == StorageLayout.FIELDS && storedName.contains("/")
                  ? "contains '/', which a FIELDS layout key segment cannot"
                  : null;
      if (problem != null) {
        report.error(
            name.get().element(),
            name.get().mirror(),
            value,
            Messages.nameValue(display, raw.name(), storedName, problem));
        return Optional.empty();
      }
    }
    KeyCodec codec = null;
    ValueKind valueKind = null;
    if (role == Role.KEY) {
      RawProperty.Found key = raw.annotation(m, Names.KEY).orElseThrow();
      codec =
          keyTypes
              .codecOf(display, raw.name(), raw.element(), raw.type(), key.mirror(), report)
              .orElse(null);
    } else if (role == Role.VALUE) {
      valueKind = valueKinds.of(raw.type());
      String other = storedNames.putIfAbsent(storedName, raw.name());
      if (other != null) {
        Optional<RawProperty.Found> at = name;
        report.error(
            at.map(RawProperty.Found::element).orElse(raw.element()),
            at.map(RawProperty.Found::mirror).orElse(null),
            Messages.nameDuplicate(display, raw.name(), storedName, other));
      }
    }
    Optional<RawProperty.Found> indexed = raw.annotation(m, Names.INDEXED);
    boolean unique =
        indexed.isPresent() && (Boolean) m.value(indexed.get().mirror(), "unique").getValue();
    KeyCodec indexCodec = null;
    if (indexed.isPresent()) {
      indexCodec = keyTypes.builtInCodec(raw.type()).orElse(null);
      if (indexCodec == null) {
        report.error(
            indexed.get().element(),
            indexed.get().mirror(),
            Messages.indexType(display, raw.name(), raw.type().toString()));
        return Optional.empty();
      }
    }
    return Optional.of(
        new PropertyModel(
            raw.name(),
            storedName,
            role,
            TypeName.get(raw.type()),
            PropertyRoles.nullable(raw),
            valueKind,
            codec,
            indexed.isPresent(),
            unique,
            indexCodec,
            raw.read(),
            raw.write()));
  }
}
