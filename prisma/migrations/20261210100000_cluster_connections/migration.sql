-- Clusters registered from the UI: a label and colour, and SASL / TLS settings. Passwords and
-- private keys are stored only as AES-256-GCM ciphertexts (the *_encrypted columns).
ALTER TABLE "clusters" ADD COLUMN "is_default" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "clusters" ADD COLUMN "label" TEXT;
ALTER TABLE "clusters" ADD COLUMN "colour" TEXT;
ALTER TABLE "clusters" ADD COLUMN "sasl_mechanism" TEXT;
ALTER TABLE "clusters" ADD COLUMN "sasl_username" TEXT;
ALTER TABLE "clusters" ADD COLUMN "sasl_password_encrypted" TEXT;
ALTER TABLE "clusters" ADD COLUMN "tls_enabled" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "clusters" ADD COLUMN "tls_ca_pem" TEXT;
ALTER TABLE "clusters" ADD COLUMN "tls_client_certificate_pem" TEXT;
ALTER TABLE "clusters" ADD COLUMN "tls_client_key_encrypted" TEXT;
ALTER TABLE "clusters" ADD COLUMN "tls_server_name" TEXT;
