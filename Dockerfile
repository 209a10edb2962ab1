# The app image for docker-compose.yml. Kafka and PostgreSQL come from their own containers there,
# so KAFKA_LOCAL=never and DATABASE_URL is set: no Java and no embedded PostgreSQL are needed.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts/prisma-generate.mjs scripts/
COPY prisma prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN node_modules/.bin/next build
ENV KAFKA_LOCAL=never NODE_ENV=production
EXPOSE 3000
CMD ["npm", "start"]
