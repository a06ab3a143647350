/**
 * The yardstick: plain express + the official MongoDB driver doing the same reads as the
 * SCIM lookups (one findOne by id; one by the normalised userName key) and answering JSON.
 * No auth, validation or mapping: what is left is HTTP, the driver and the database.
 * Run as its own process by the benchmark: BASELINE_MONGODB_URI (with the database), PORT.
 */
import express from 'express';
import { MongoClient } from 'mongodb';

type StoredUser = { _id: string; orgId: string; userNameKey: string };

const client = await MongoClient.connect(process.env['BASELINE_MONGODB_URI'] ?? '');
const users = client.db().collection<StoredUser>('users');
const app = express();
const query = (value: unknown) => (typeof value === 'string' ? value : '');
app.get('/healthz', (_req, res) => void res.json({ ok: true }));
app.get('/orgs/:orgId/users/:id', async (req, res) => {
  const doc = await users.findOne({ _id: req.params.id, orgId: req.params.orgId });
  res.status(doc ? 200 : 404).json(doc ?? { status: '404' });
});
app.get('/orgs/:orgId/users', async (req, res) => {
  const doc = await users.findOne({ orgId: req.params.orgId, userNameKey: query(req.query['key']) });
  res.json({ totalResults: doc ? 1 : 0, Resources: doc ? [doc] : [] });
});
const server = app.listen(Number(process.env['PORT']), '127.0.0.1');
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => void client.close().then(() => process.exit(0)));
});
