import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { MongoClient } from 'mongodb';

type StoredUser = { _id: string; orgId: string; userNameKey: string };

/**
 * The yardstick: plain express + the official MongoDB driver doing the same reads as the
 * SCIM routes (find by id; find by lower-cased userName key) and rendering JSON. No auth,
 * no validation, no mapping: what is left is the cost of HTTP, the driver and the database.
 */
export async function startBaseline(options: { uri: string; dbName: string; orgId: string }) {
  const client = await MongoClient.connect(options.uri);
  const users = client.db(options.dbName).collection<StoredUser>('users');
  const app = express();
  app.get('/users/:id', async (req, res) => {
    const doc = await users.findOne({ _id: req.params.id, orgId: options.orgId });
    if (!doc) res.status(404).json({ status: '404' });
    else res.json(doc);
  });
  app.get('/users', async (req, res) => {
    const userName = req.query['userName'];
    const key = typeof userName === 'string' ? userName.toLowerCase() : '';
    const docs = await users.find({ orgId: options.orgId, userNameKey: key }).limit(100).toArray();
    res.json({ totalResults: docs.length, Resources: docs });
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await client.close();
    },
  };
}
