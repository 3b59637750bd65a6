package io.typedetcd.processor;

import java.util.List;

/**
 * Every diagnostic text of the processor, in one place: {@code [EtcdTag] what is wrong; what to
 * do}. Tags are stable, so users and tests can search for them.
 */
public final class Messages {
  private static final String SHAPES =
      "supported shapes are a record; a class with a non-private no-argument constructor and"
          + " setters or non-final non-private fields; or a class with a non-private constructor"
          + " whose parameters are named after its properties";

  private Messages() {}

  // Entities

  public static String entityKind(String entity, String kind) {
    return "[EtcdEntityKind] @EtcdEntity "
        + entity
        + " is "
        + kind
        + "; annotate a record or a concrete class";
  }

  public static String entityGeneric(String entity) {
    return "[EtcdEntityGeneric] @EtcdEntity "
        + entity
        + " has type parameters; the mapper needs concrete property types, so declare one entity"
        + " per concrete type";
  }

  public static String entityAccess(String entity, String problem) {
    return "[EtcdEntityAccess] @EtcdEntity "
        + entity
        + " "
        + problem
        + "; the generated mapper lives in the same package and must be able to use it";
  }

  public static String prefix(String entity, String prefix, String problem) {
    return "[EtcdPrefix] prefix '"
        + prefix
        + "' of "
        + entity
        + " "
        + problem
        + "; write an absolute path of non-empty segments without a trailing slash or '%', such as"
        + " '/registry/services'";
  }

  public static String prefixOverlap(
      String entity, String prefix, String otherEntity, String otherPrefix) {
    boolean inside = prefix.length() >= otherPrefix.length();
    String outer = inside ? otherEntity : entity;
    String inner = inside ? entity : otherEntity;
    String relation =
        prefix.equals(otherPrefix)
            ? "is also the prefix of " + otherEntity
            : inside
                ? "lies inside prefix '" + otherPrefix + "' of " + otherEntity
                : "contains prefix '" + otherPrefix + "' of " + otherEntity;
    return "[EtcdPrefixOverlap] prefix '"
        + prefix
        + "' of "
        + entity
        + " "
        + relation
        + ", so a range read of "
        + outer
        + " would return "
        + inner
        + "'s keys; give each entity a prefix that is not a path prefix of another's";
  }

  public static String ttl(String entity, String ttl) {
    return "[EtcdTtl] ttl '"
        + ttl
        + "' of "
        + entity
        + " is not a positive duration; write an ISO-8601 duration ('PT30S') or a number with a"
        + " unit ms, s, m, h or d ('30s'), or leave it empty for none";
  }

  public static String indexType(String entity, String property, String type) {
    return "[EtcdIndexType] @Indexed property '"
        + property
        + "' of "
        + entity
        + " has type "
        + type
        + ", which has no index key encoding; index a String, UUID, int, long (or their boxes) or"
        + " an enum property, or remove @Indexed";
  }

  public static String noKey(String entity) {
    return "[EtcdNoKey] "
        + entity
        + " has no @Key property; mark the property (or properties, in key path order) that"
        + " identify an entity with @Key";
  }

  public static String keyType(String entity, String property, String type) {
    return "[EtcdKeyType] key property '"
        + property
        + "' of "
        + entity
        + " has type "
        + type
        + ", which has no key encoding; use String, UUID, int, long (or their boxes) or an enum,"
        + " or name a KeySegmentCodec with @Key(codec = ...)";
  }

  public static String keyCodec(String entity, String property, String codec, String problem) {
    return "[EtcdKeyCodec] codec "
        + codec
        + " of key property '"
        + property
        + "' of "
        + entity
        + " "
        + problem
        + "; a key codec is a public class implementing KeySegmentCodec<the property's type> with"
        + " a public no-argument constructor";
  }

  public static String versionType(String entity, String property, String type) {
    return "[EtcdVersionType] @Version property '"
        + property
        + "' of "
        + entity
        + " has type "
        + type
        + "; a version is etcd's mod_revision, declare it as long";
  }

  public static String versionTwice(String entity, String property, String first) {
    return "[EtcdVersionTwice] "
        + entity
        + " has a second @Version property '"
        + property
        + "' (the first is '"
        + first
        + "'); an entity has one version, remove one of the annotations";
  }

  public static String annotationConflict(
      String entity, String property, String first, String second) {
    return "[EtcdAnnotationConflict] property '"
        + property
        + "' of "
        + entity
        + " is both @"
        + first
        + " and @"
        + second
        + "; keep the one you mean";
  }

  public static String nameValue(String entity, String property, String name, String problem) {
    return "[EtcdNameValue] @Name(\""
        + name
        + "\") of property '"
        + property
        + "' of "
        + entity
        + " "
        + problem
        + "; choose a non-empty name"
        + (problem.contains("/") ? " without '/'" : "");
  }

  public static String nameDuplicate(
      String entity, String property, String storedName, String other) {
    return "[EtcdNameDuplicate] property '"
        + property
        + "' of "
        + entity
        + " is stored as '"
        + storedName
        + "', like property '"
        + other
        + "'; stored names must be unique, rename one with @Name";
  }

  public static String unreadable(String entity, String property, String getter) {
    return "[EtcdEntityShape] property '"
        + property
        + "' of "
        + entity
        + " cannot be read without reflection; make the field non-private or add a getter "
        + getter
        + "() ("
        + SHAPES
        + ")";
  }

  public static String notConstructible(String entity, String problem) {
    return "[EtcdEntityShape] "
        + entity
        + " cannot be created without reflection: "
        + problem
        + "; "
        + SHAPES;
  }

  public static String idRecord(String entity, String idType, String problem, String expected) {
    return "[EtcdIdType] "
        + idType
        + " "
        + problem
        + "; the id record of "
        + entity
        + " must have one component per @Key, in key order and of the key's type: "
        + expected;
  }

  // Repositories

  public static String repositoryKind(String repository) {
    return "[EtcdRepositoryKind] @EtcdRepository "
        + repository
        + " is not an interface; declare an interface extending CrudRepository<Entity, Id>";
  }

  public static String repositoryGeneric(String repository) {
    return "[EtcdRepositoryGeneric] @EtcdRepository "
        + repository
        + " has type parameters; declare one repository interface per entity, with concrete"
        + " type arguments";
  }

  public static String repositoryAccess(String repository) {
    return "[EtcdRepositoryAccess] @EtcdRepository "
        + repository
        + " is private; the generated implementation must be able to implement it, make it at"
        + " least package-private";
  }

  public static String repositoryType(String repository) {
    return "[EtcdRepositoryType] @EtcdRepository "
        + repository
        + " does not extend CrudRepository<Entity, Id> with type arguments; extend it, e.g."
        + " 'interface "
        + repository
        + " extends CrudRepository<Order, Long>'";
  }

  public static String repositoryEntity(String repository, String type) {
    return "[EtcdRepositoryEntity] the entity type argument "
        + type
        + " of "
        + repository
        + " is not an @EtcdEntity; annotate "
        + type
        + " with @EtcdEntity(prefix = ...) or use an entity type";
  }

  public static String repositoryId(
      String repository, String actual, String entity, String expected, String why) {
    return "[EtcdIdType] the ID type argument "
        + actual
        + " of "
        + repository
        + " does not match "
        + entity
        + "'s key; use "
        + expected
        + " ("
        + why
        + ")";
  }

  public static String mapperMissing(String repository, String entity, String mapper) {
    return "[EtcdMapperMissing] "
        + repository
        + " stores "
        + entity
        + ", whose mapper "
        + mapper
        + " is not on the classpath; compile "
        + entity
        + " with typed-etcd-processor on the annotation processor path";
  }

  // Derived queries

  public static String finderName(String method) {
    return "[EtcdFinderName] "
        + method
        + " is not a derived query; name it findBy/streamBy/countBy/existsBy/deleteBy/watchBy"
        + " followed by key components joined by And (findByRegionAndId) or one @Indexed"
        + " property, findAll/streamAll, optionally with First/TopN and OrderBy<Key>Desc, or make"
        + " it a default method";
  }

  public static String finderLimitVerb(String method) {
    return "[EtcdFinderLimit] "
        + method
        + ": First/Top only limit find and stream queries; remove it";
  }

  public static String finderLimitZero(String method) {
    return "[EtcdFinderLimit] " + method + ": Top0 returns nothing; use a limit of 1 or more";
  }

  public static String finderLimitFullKey(String method, String entity) {
    return "[EtcdFinderLimit] "
        + method
        + ": the parameters fix every key component of "
        + entity
        + ", so there is at most one result; remove First/Top";
  }

  public static String finderUnknownProperty(
      String method, String entity, String property, String suggestion, List<String> keys) {
    return "[EtcdFinderProperty] "
        + method
        + ": "
        + entity
        + " has no property '"
        + property
        + "'"
        + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?")
        + " Finder properties must be a leading run of the @Key components ("
        + String.join(", ", keys)
        + ") or @Indexed";
  }

  public static String finderNotKey(
      String method, String entity, String property, List<String> keys) {
    return "[EtcdFinderProperty] "
        + method
        + ": property '"
        + property
        + "' of "
        + entity
        + " is neither a @Key component nor @Indexed, so no range read can find it; query by a"
        + " leading run of the @Key components ("
        + String.join(", ", keys)
        + "), or mark '"
        + property
        + "' @Indexed";
  }

  public static String finderIndexCombination(
      String method, String entity, String property, List<String> keys) {
    return "[EtcdFinderIndexed] "
        + method
        + ": '"
        + property
        + "' of "
        + entity
        + " is @Indexed, and an index query reads one index by one value; query by '"
        + property
        + "' alone (findBy"
        + capitalize(property)
        + ") and filter in memory, or by a leading run of the @Key components ("
        + String.join(", ", keys)
        + ")";
  }

  public static String finderIndexWatch(
      String method, String entity, String property, List<String> keys) {
    return "[EtcdFinderIndexed] "
        + method
        + ": '"
        + property
        + "' of "
        + entity
        + " is @Indexed, but a watch reads a key prefix, never an index; watch by a leading run of"
        + " the @Key components ("
        + String.join(", ", keys)
        + "), or watch them all and filter the events";
  }

  public static String finderWholePage(String method, String entity) {
    return "[EtcdFinderParams] "
        + method
        + ": the parameters fix every key component of "
        + entity
        + ", so there is one entity at most to page; page by fewer key components, or use"
        + " findById";
  }

  public static String finderPageLimit(String method) {
    return "[EtcdFinderLimit] "
        + method
        + ": a page's size comes from its PageRequest; remove First/Top";
  }

  public static String finderKeyOrder(
      String method, String entity, String property, int position, String expected) {
    return "[EtcdFinderKeyOrder] "
        + method
        + ": '"
        + property
        + "' is @Key component "
        + (position + 1)
        + " of "
        + entity
        + ", but a derived query fixes the key components from the first one in order, because"
        + " it reads one prefix range; expected "
        + expected
        + " here";
  }

  public static String finderOrder(String method, String property, String problem) {
    return "[EtcdFinderOrder] " + method + ": cannot order by '" + property + "': " + problem;
  }

  public static String finderParameterCount(
      String method, int expected, List<String> keys, boolean page, boolean index) {
    return "[EtcdFinderParams] "
        + method
        + " needs "
        + expected
        + " parameter"
        + (expected == 1 ? "" : "s")
        + (keys.isEmpty()
            ? ""
            : index
                ? ", the value of @Indexed property '" + keys.get(0) + "'"
                : ", one per key component in its name ("
                    + String.join(", ", keys)
                    + "), in that order")
        + (page ? ", before the PageRequest" : "");
  }

  public static String finderParameterType(
      String method, String parameter, String type, String property, String keyType) {
    return "[EtcdFinderParams] parameter '"
        + parameter
        + "' of "
        + method
        + " has type "
        + type
        + ", but "
        + property
        + " is "
        + keyType
        + "; declare it as "
        + keyType;
  }

  public static String finderWatchParameters(
      String method, int keys, List<String> keyNames, String listener) {
    return "[EtcdFinderParams] "
        + method
        + " needs "
        + (keys == 0
            ? ""
            : keys
                + " parameter"
                + (keys == 1 ? "" : "s")
                + " for the key components in its name ("
                + String.join(", ", keyNames)
                + "), then ")
        + "an "
        + listener
        + ", optionally followed by EntityWatchOptions";
  }

  public static String finderTrailingMisplaced(String method, String parameter, String what) {
    return "[EtcdFinderParams] parameter '"
        + parameter
        + "' of "
        + method
        + " is "
        + what
        + "; move or remove it";
  }

  public static String finderTrailingType(
      String method, String parameter, String type, String expected) {
    return "[EtcdFinderParams] parameter '"
        + parameter
        + "' of "
        + method
        + " has type "
        + type
        + "; declare it as "
        + expected;
  }

  public static String finderReturn(String method, String actual, String allowed) {
    return "[EtcdFinderReturn] "
        + method
        + " returns "
        + actual
        + ", which this query cannot produce; return "
        + allowed;
  }

  public static String finderAsyncSuffix(String method, String actual) {
    return "[EtcdFinderReturn] "
        + method
        + " ends in Async but returns "
        + actual
        + "; return a CompletableFuture of it, or drop the suffix";
  }

  private static String capitalize(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  // Rounds and environment

  public static String undefinedType(String element, String type) {
    return "[EtcdUndefinedType] "
        + element
        + " references "
        + type
        + ", which could not be resolved; if another annotation processor generates it, look for"
        + " its errors above, else fix the reference";
  }

  public static String runtimeMissing(String element) {
    return "[EtcdRuntimeMissing] "
        + element
        + ": io.typedetcd:typed-etcd-runtime is not on the compile classpath; add it as a"
        + " dependency, the generated code calls it";
  }

  public static String servicesFile(String path, String problem) {
    return "[EtcdServicesFile] cannot write "
        + path
        + ": "
        + problem
        + "; Repositories.create will not find the generated repositories, check the output"
        + " directory";
  }

  public static String unexpected(String element, String stackTrace) {
    return "[EtcdProcessorError] typed-etcd could not process "
        + element
        + " because of an internal error; please report it with this stack trace:\n"
        + stackTrace;
  }
}
