// Preloaded with `node --import` into the MCP peers the tests start (server-everything, the conformance suite's scenario
// servers): their servers call listen(port) without a host, which binds every interface; this makes them bind 127.0.0.1.
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) {
    const [port, ...rest] = args;
    if (typeof rest[0] !== 'string') {
      return listen.call(this, Number(port), '127.0.0.1', ...rest);
    }
  } else if (args[0] !== null && typeof args[0] === 'object' && !('path' in args[0]) && !args[0].host) {
    return listen.call(this, { ...args[0], host: '127.0.0.1' }, ...args.slice(1));
  }

  return listen.apply(this, args);
};
