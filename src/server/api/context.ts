import "server-only";
import { LOCAL_OPERATOR, type Actor } from "~/server/auth/actor";

export type Context = { actor: Actor };

export async function createContext(): Promise<Context> {
  return { actor: LOCAL_OPERATOR };
}
