import "server-only";
import { AppError } from "~/lib/app-error";

export function notYet(): never {
  throw new AppError("INTERNAL", "Not yet implemented.");
}
