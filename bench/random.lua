-- wrk: requests built from $PATTERN, where {site} is a random scale site (1-$SITES), {page} a random
-- page (1-$PAGES), {word} a random search word, {n} a random number (a distinct URL: no cache hit).
local pattern = os.getenv("PATTERN")
local sites = tonumber(os.getenv("SITES") or "100")
local pages = tonumber(os.getenv("PAGES") or "500")
local words = {"%E6%8D%B7%E9%81%8B", "%E5%85%AC%E8%BB%8A", "%E5%9C%96%E6%9B%B8%E9%A4%A8", "%E7%AB%AF%E5%8D%88",
  "bus", "library", "festival", "market"}
math.randomseed(os.time() + math.floor(os.clock() * 1000000))
request = function()
  local path = pattern
    :gsub("{site}", string.format("scale-%03d", math.random(sites)))
    :gsub("{page}", tostring(math.random(pages)))
    :gsub("{word}", (words[math.random(#words)]:gsub("%%", "%%%%")))
    :gsub("{n}", tostring(math.random(1000000000)))
  return wrk.format("GET", path)
end
