import { normalizeEmail, type CareRelation, type User } from "../domain/user.ts";
import { ConfideError } from "../errors.ts";
import type { UserQuery, UserRepository } from "../ports/user-repository.ts";
import { pageOf } from "./cursor.ts";

type Key = [string | number, string];
const byName = (a: Key, b: Key) => {
  const [nameA, nameB] = [String(a[0]), String(b[0])];
  if (nameA !== nameB) return nameA < nameB ? -1 : 1;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
};
const keyOf = (user: User): Key => [user.displayName.toLowerCase(), user.id];

function matches(user: User, query: Omit<UserQuery, "cursor" | "limit">): boolean {
  const text = query.text?.toLowerCase();
  return (
    (query.role === undefined || user.role === query.role) &&
    (text === undefined || user.displayName.toLowerCase().includes(text) || user.email.includes(text))
  );
}

export function createInMemoryUserRepository(): UserRepository {
  const users = new Map<string, User>();
  let relations: CareRelation[] = [];
  const emailTaken = (user: User) =>
    [...users.values()].some((other) => other.id !== user.id && other.email === normalizeEmail(user.email));
  const page = (list: User[], query: UserQuery) => {
    const sorted = list.filter((u) => matches(u, query)).sort((a, b) => byName(keyOf(a), keyOf(b)));
    const result = pageOf(sorted, keyOf, byName, query, { kind: "users", sortKey: "string" });
    return { items: result.items.map((u) => structuredClone(u)), nextCursor: result.nextCursor };
  };
  return {
    async create(user) {
      if (emailTaken(user)) throw new ConfideError("user.email_taken", "An account with this email exists.");
      users.set(user.id, structuredClone({ ...user, email: normalizeEmail(user.email) }));
    },
    async get(id) {
      const user = users.get(id);
      return user ? structuredClone(user) : null;
    },
    async getByEmail(email) {
      const wanted = normalizeEmail(email);
      const user = [...users.values()].find((u) => u.email === wanted);
      return user ? structuredClone(user) : null;
    },
    async update(user) {
      const stored = users.get(user.id);
      if (!stored) throw new ConfideError("user.not_found", "The user does not exist.");
      if (emailTaken(user)) throw new ConfideError("user.email_taken", "An account with this email exists.");
      users.set(user.id, structuredClone({ ...user, email: normalizeEmail(user.email), tokenGeneration: stored.tokenGeneration }));
    },
    async revokeAccessTokens(id) {
      const stored = users.get(id);
      if (!stored) throw new ConfideError("user.not_found", "The user does not exist.");
      stored.tokenGeneration += 1;
      return stored.tokenGeneration;
    },
    async delete(id) {
      users.delete(id);
      relations = relations.filter((r) => r.therapistId !== id && r.patientId !== id);
    },
    async list(query) {
      return page([...users.values()], query);
    },
    async link(relation) {
      const exists = relations.some((r) => r.therapistId === relation.therapistId && r.patientId === relation.patientId);
      if (!exists) relations.push(structuredClone(relation));
    },
    async unlink(therapistId, patientId) {
      relations = relations.filter((r) => !(r.therapistId === therapistId && r.patientId === patientId));
    },
    async isLinked(therapistId, patientId) {
      return relations.some((r) => r.therapistId === therapistId && r.patientId === patientId);
    },
    async relationsOf(userId) {
      return relations.filter((r) => r.therapistId === userId || r.patientId === userId).map((r) => structuredClone(r));
    },
    async listPatients(therapistId, query) {
      const ids = new Set(relations.filter((r) => r.therapistId === therapistId).map((r) => r.patientId));
      return page([...users.values()].filter((u) => ids.has(u.id)), query);
    },
    async close() {},
  };
}
