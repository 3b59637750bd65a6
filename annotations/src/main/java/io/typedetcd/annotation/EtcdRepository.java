package io.typedetcd.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a repository interface; the processor generates its implementation ({@code Name_Impl}),
 * registered so that {@code Repositories.create(Name.class, client)} finds it without reflection.
 *
 * <pre>{@code
 * @EtcdRepository
 * public interface ServiceRepository extends CrudRepository<ServiceInstance, ServiceInstance.Id> {
 *   List<ServiceInstance> findByRegion(String region);
 *   long countByRegion(String region);
 * }
 * }</pre>
 *
 * <p>Derived queries: {@code findBy}, {@code streamBy}, {@code countBy}, {@code existsBy}, {@code
 * deleteBy} followed by a leading run of key components joined by {@code And} (one prefix range
 * read), or an {@code @Indexed} property; {@code findFirstBy}/{@code findTopNBy} limit; {@code
 * OrderBy<Key>Desc} sorts.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface EtcdRepository {}
