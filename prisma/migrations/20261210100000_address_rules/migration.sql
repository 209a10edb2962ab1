-- The address policy's allow and deny lists, set by admins on the network page.
CREATE TABLE "address_rules" (
    "list" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "address_rules_pkey" PRIMARY KEY ("list", "rule")
);
