-- Keycloak keeps its data beside Civitas' in the same PostgreSQL server.
CREATE DATABASE keycloak OWNER civitas;
