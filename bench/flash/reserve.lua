-- wrk script: POST a reservation for a random user and SKU with a fresh idempotency key.
-- Env: FLASH_KEY (API key), FLASH_PATH (request path), FLASH_SKUS (comma-separated).
local key = os.getenv("FLASH_KEY") or ""
local path = os.getenv("FLASH_PATH") or "/"
local skus = {}
for sku in string.gmatch(os.getenv("FLASH_SKUS") or "sku-1", "[^,]+") do skus[#skus + 1] = sku end
local counter = 0

function setup(thread)
  thread:set("id", math.random(1, 1000000000))
end

function init(args)
  math.randomseed(os.time() + (id or 0))
end

-- The request head up to Content-Length is the same every time: built once (after wrk.init set
-- Host), so each request costs one body and one concatenation instead of wrk.format's header table.
local head

request = function()
  if not head then
    head = "POST " .. path .. " HTTP/1.1\r\nHost: " .. wrk.headers["Host"] ..
      "\r\nContent-Type: application/json\r\nX-Api-Key: " .. key .. "\r\nContent-Length: "
  end
  counter = counter + 1
  local body = '{"userId":"u' .. math.random(1, 2000000) .. '","sku":"' .. skus[math.random(1, #skus)] ..
    '","quantity":1,"idempotencyKey":"k' .. (id or 0) .. '-' .. counter .. '"}'
  return head .. #body .. "\r\n\r\n" .. body
end
