// Preloaded with `node --import` into the MCP peers the tests start (server-everything, the conformance suite's scenario
// servers): their servers call listen(port) without a host, which binds every interface; this makes them bind 127.0.0.1.
// The socket is bound synchronously (as listen(port) without a host is), because some callers read server.address() right
// after listen(): a listen(port, host) would resolve the host first and bind a tick later.
import net from 'node:net';

process.noDeprecation = true; // process.binding (below) warns once per process otherwise
const { TCP, constants } = process.binding('tcp_wrap');
const listen = net.Server.prototype.listen;

function boundHandle(port) {
  const handle = new TCP(constants.SERVER);
  const error = handle.bind('127.0.0.1', port);
  if (error) {
    handle.close();
    return null;
  }

  return handle;
}

net.Server.prototype.listen = function (...args) {
  let port;
  let rest;
  if (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) {
    port = Number(args[0]);
    rest = args.slice(1);
    if (typeof rest[0] === 'string') {
      return listen.apply(this, args); // a host was given
    }
  } else if (args[0] !== null && typeof args[0] === 'object' && !(args[0] instanceof TCP) && !('path' in args[0]) && !args[0].host && !('fd' in args[0]) && !('handle' in args[0])) {
    port = Number(args[0].port ?? 0);
    rest = args.slice(1);
  } else if (args.length === 0 || typeof args[0] === 'function') {
    port = 0;
    rest = args;
  } else {
    return listen.apply(this, args);
  }

  const handle = boundHandle(port);
  return handle ? listen.call(this, handle, ...rest.filter((a) => typeof a === 'function')) : listen.call(this, port, '127.0.0.1', ...rest);
};
