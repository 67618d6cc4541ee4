package io.tidemark.warehouse.users;

/**
 * One user of a users_ref snapshot, as {@code dim_user} versions it.
 *
 * @param gender    as coded by the source, null when empty
 * @param segmentId null when empty
 */
public record UserAttributesRow(long userId, String gender, Integer segmentId) {
}
