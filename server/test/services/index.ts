export { startRedis, type RedisOptions, type RedisService } from './redis-service.js';
export { startMariaDb, createDatabaseAt, dropDatabaseAt, type MariaDbService } from './mariadb-service.js';
export { freePort } from './free-port.js';
export { waitFor } from './wait-for.js';
