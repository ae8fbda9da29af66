"""The record over HTTP: `secretariat serve`.

An ASGI application (Starlette) under uvicorn. It only translates: a request
becomes a call of the application (in a worker thread: the store's drivers
block), the answer or the error becomes a response. Nothing here is imported
by the other commands.
"""
