/**
 * The demo grocery catalog as compact source data: top categories, their subcategories, and five
 * base products per subcategory (`zh|en|list price in fen|unit`). demo-catalog.ts expands it into
 * ~500 SKUs deterministically.
 */
export interface DemoSubcategory {
  id: string;
  zh: string;
  en: string;
  products: string[];
}

export interface DemoTopCategory {
  id: string;
  zh: string;
  en: string;
  subcategories: DemoSubcategory[];
}

export const DEMO_CATEGORIES: DemoTopCategory[] = [
  { id: 'produce', zh: '蔬菜水果', en: 'Fruit & Vegetables', subcategories: [
    { id: 'fruit', zh: '水果', en: 'Fruit', products: ['红富士苹果|Fuji Apples|1290|袋', '海南香蕉|Hainan Bananas|690|把', '赣南脐橙|Gannan Navel Oranges|1590|袋', '阳光玫瑰葡萄|Shine Muscat Grapes|3990|盒', '丹东草莓|Dandong Strawberries|4590|盒'] },
    { id: 'vegetables', zh: '蔬菜', en: 'Vegetables', products: ['上海青|Bok Choy|390|把', '西红柿|Tomatoes|590|袋', '黄瓜|Cucumbers|450|袋', '土豆|Potatoes|390|袋', '西兰花|Broccoli|690|颗'] },
    { id: 'mushrooms', zh: '菌菇', en: 'Mushrooms', products: ['香菇|Shiitake Mushrooms|890|盒', '金针菇|Enoki Mushrooms|390|袋', '杏鲍菇|King Oyster Mushrooms|790|袋', '蟹味菇|Beech Mushrooms|590|盒', '平菇|Oyster Mushrooms|490|袋'] },
  ] },
  { id: 'meat_seafood', zh: '肉禽水产', en: 'Meat & Seafood', subcategories: [
    { id: 'pork', zh: '猪肉', en: 'Pork', products: ['五花肉|Pork Belly|2990|盒', '猪里脊|Pork Tenderloin|2590|盒', '排骨|Pork Ribs|3990|盒', '猪肉馅|Minced Pork|1990|盒', '猪蹄|Pig Trotters|2490|袋'] },
    { id: 'beef_lamb', zh: '牛羊肉', en: 'Beef & Lamb', products: ['澳洲牛腩|Australian Beef Brisket|5990|盒', '牛排|Sirloin Steak|6990|盒', '羊肉卷|Lamb Rolls|4990|盒', '牛腱子|Beef Shank|5490|盒', '肥牛片|Sliced Fatty Beef|3990|盒'] },
    { id: 'poultry', zh: '禽肉', en: 'Poultry', products: ['鸡胸肉|Chicken Breast|1590|盒', '鸡翅中|Chicken Wings|2990|盒', '整鸡|Whole Chicken|3590|只', '鸡腿|Chicken Legs|1990|盒', '鸭胸|Duck Breast|2490|盒'] },
    { id: 'seafood', zh: '海鲜水产', en: 'Seafood', products: ['基围虾|Greasyback Shrimp|5990|盒', '三文鱼|Salmon Fillet|7990|盒', '鲈鱼|Sea Bass|3990|条', '扇贝|Scallops|4590|盒', '带鱼|Hairtail|3290|盒'] },
  ] },
  { id: 'dairy_eggs', zh: '乳品蛋类', en: 'Dairy & Eggs', subcategories: [
    { id: 'milk', zh: '牛奶', en: 'Milk', products: ['全脂纯牛奶|Whole Milk|690|盒', '低脂牛奶|Low-fat Milk|690|盒', '鲜牛奶|Fresh Milk|1290|瓶', '有机牛奶|Organic Milk|1590|盒', '高钙牛奶|High-calcium Milk|790|盒'] },
    { id: 'yogurt', zh: '酸奶', en: 'Yogurt', products: ['原味酸奶|Plain Yogurt|990|杯', '希腊酸奶|Greek Yogurt|1590|杯', '草莓酸奶|Strawberry Yogurt|990|杯', '老酸奶|Set Yogurt|890|杯', '益生菌酸奶|Probiotic Yogurt|1290|瓶'] },
    { id: 'eggs', zh: '蛋类', en: 'Eggs', products: ['土鸡蛋|Free-range Eggs|1990|盒', '鲜鸡蛋|Fresh Eggs|1290|盒', '鹌鹑蛋|Quail Eggs|990|盒', '咸鸭蛋|Salted Duck Eggs|1590|盒', '可生食鸡蛋|Sashimi-grade Eggs|2990|盒'] },
    { id: 'cheese', zh: '奶酪黄油', en: 'Cheese & Butter', products: ['切达奶酪片|Cheddar Slices|2290|包', '马苏里拉奶酪|Mozzarella|2990|包', '淡味黄油|Unsalted Butter|2590|块', '奶油奶酪|Cream Cheese|2490|盒', '儿童奶酪棒|Kids Cheese Sticks|3290|包'] },
  ] },
  { id: 'bakery', zh: '烘焙面包', en: 'Bakery', subcategories: [
    { id: 'bread', zh: '面包', en: 'Bread', products: ['全麦吐司|Wholewheat Toast|1290|袋', '牛奶吐司|Milk Toast|1090|袋', '法棍|Baguette|890|根', '可颂|Croissants|1590|袋', '贝果|Bagels|1290|袋'] },
    { id: 'cakes', zh: '糕点', en: 'Cakes & Pastries', products: ['蛋黄酥|Egg Yolk Pastry|2990|盒', '蛋糕卷|Swiss Roll|1990|盒', '月饼|Mooncakes|5990|盒', '绿豆糕|Mung Bean Cakes|1590|盒', '芝士蛋糕|Cheesecake|3990|盒'] },
  ] },
  { id: 'snacks', zh: '休闲零食', en: 'Snacks', subcategories: [
    { id: 'chips', zh: '薯片膨化', en: 'Chips & Puffs', products: ['原味薯片|Original Potato Chips|790|袋', '番茄味薯片|Tomato Chips|790|袋', '虾条|Prawn Crackers|590|袋', '玉米片|Tortilla Chips|890|袋', '锅巴|Rice Crusts|690|袋'] },
    { id: 'nuts', zh: '坚果炒货', en: 'Nuts & Seeds', products: ['每日坚果|Daily Nuts Mix|5990|盒', '碧根果|Pecans|3990|袋', '开心果|Pistachios|4590|袋', '瓜子|Sunflower Seeds|1290|袋', '夏威夷果|Macadamias|3590|袋'] },
    { id: 'candy', zh: '糖果巧克力', en: 'Candy & Chocolate', products: ['黑巧克力|Dark Chocolate|1990|盒', '牛奶巧克力|Milk Chocolate|1590|盒', '大白兔奶糖|White Rabbit Candy|1290|袋', '软糖|Gummies|990|袋', '薄荷糖|Mints|890|盒'] },
    { id: 'biscuits', zh: '饼干', en: 'Biscuits', products: ['苏打饼干|Soda Crackers|990|盒', '夹心饼干|Sandwich Cookies|890|盒', '曲奇|Butter Cookies|2990|盒', '威化|Wafers|790|盒', '消化饼|Digestive Biscuits|1290|盒'] },
  ] },
  { id: 'beverages', zh: '酒水饮料', en: 'Beverages', subcategories: [
    { id: 'water', zh: '饮用水', en: 'Water', products: ['天然矿泉水|Mineral Water|200|瓶', '纯净水|Purified Water|150|瓶', '苏打水|Soda Water|450|瓶', '天然水大桶|Natural Water Jug|1290|桶', '气泡水|Sparkling Water|550|瓶'] },
    { id: 'soft_drinks', zh: '碳酸饮料', en: 'Soft Drinks', products: ['可乐|Cola|350|罐', '雪碧|Lemon-lime Soda|350|罐', '橙味汽水|Orange Soda|350|罐', '无糖可乐|Zero Cola|350|罐', '姜汁汽水|Ginger Ale|450|罐'] },
    { id: 'tea_juice', zh: '茶饮果汁', en: 'Tea & Juice', products: ['冰红茶|Iced Black Tea|350|瓶', '绿茶|Green Tea|350|瓶', '橙汁|Orange Juice|990|瓶', '椰子水|Coconut Water|890|瓶', '乌龙茶|Oolong Tea|450|瓶'] },
    { id: 'coffee', zh: '咖啡', en: 'Coffee', products: ['挂耳咖啡|Drip Coffee Bags|4990|盒', '速溶咖啡|Instant Coffee|3990|盒', '咖啡豆|Coffee Beans|8990|袋', '即饮拿铁|Ready-to-drink Latte|690|瓶', '冷萃咖啡|Cold Brew|1290|瓶'] },
    { id: 'beer_wine', zh: '啤酒葡萄酒', en: 'Beer & Wine', products: ['青岛啤酒|Tsingtao Beer|650|罐', '精酿啤酒|Craft Beer|1590|瓶', '干红葡萄酒|Dry Red Wine|9900|瓶', '白葡萄酒|White Wine|8900|瓶', '米酒|Rice Wine|1290|瓶'] },
  ] },
  { id: 'grain_oil', zh: '粮油调味', en: 'Grain, Oil & Seasoning', subcategories: [
    { id: 'rice', zh: '大米', en: 'Rice', products: ['五常大米|Wuchang Rice|5990|袋', '泰国香米|Thai Jasmine Rice|4990|袋', '东北大米|Northeast Rice|3990|袋', '糙米|Brown Rice|2990|袋', '糯米|Glutinous Rice|1990|袋'] },
    { id: 'noodles', zh: '面粉面条', en: 'Flour & Noodles', products: ['高筋面粉|Bread Flour|1990|袋', '挂面|Dried Noodles|890|包', '意大利面|Spaghetti|1290|包', '方便面|Instant Noodles|490|包', '荞麦面|Soba Noodles|1190|包'] },
    { id: 'oil', zh: '食用油', en: 'Cooking Oil', products: ['花生油|Peanut Oil|8990|桶', '菜籽油|Rapeseed Oil|5990|桶', '橄榄油|Olive Oil|9990|瓶', '玉米油|Corn Oil|6990|桶', '芝麻油|Sesame Oil|2590|瓶'] },
    { id: 'condiments', zh: '调味品', en: 'Condiments', products: ['生抽|Light Soy Sauce|1290|瓶', '老陈醋|Aged Vinegar|990|瓶', '蚝油|Oyster Sauce|1090|瓶', '豆瓣酱|Chili Bean Paste|890|瓶', '食盐|Salt|250|袋'] },
  ] },
  { id: 'frozen', zh: '冷冻食品', en: 'Frozen', subcategories: [
    { id: 'dumplings', zh: '速冻面点', en: 'Dumplings & Buns', products: ['猪肉白菜水饺|Pork & Cabbage Dumplings|2290|袋', '虾仁水饺|Shrimp Dumplings|3490|袋', '汤圆|Tangyuan|1590|袋', '小笼包|Xiaolongbao|2590|袋', '馄饨|Wontons|1990|袋'] },
    { id: 'ice_cream', zh: '冰淇淋', en: 'Ice Cream', products: ['香草冰淇淋|Vanilla Ice Cream|3990|盒', '巧克力雪糕|Chocolate Bars|2990|盒', '抹茶冰淇淋|Matcha Ice Cream|4290|盒', '冰棍|Ice Lollies|1590|盒', '雪糕桶|Ice Cream Tub|5990|桶'] },
    { id: 'frozen_meals', zh: '速冻菜品', en: 'Frozen Meals', products: ['鸡块|Chicken Nuggets|2990|袋', '薯条|French Fries|1990|袋', '披萨|Pizza|3990|盒', '手抓饼|Scallion Pancakes|1590|袋', '鱼丸|Fish Balls|1990|袋'] },
  ] },
  { id: 'household', zh: '日用百货', en: 'Household', subcategories: [
    { id: 'paper', zh: '纸品', en: 'Paper', products: ['抽纸|Facial Tissues|2990|提', '卷纸|Toilet Rolls|3990|提', '厨房纸|Kitchen Towels|1990|提', '湿巾|Wet Wipes|990|包', '手帕纸|Pocket Tissues|1290|包'] },
    { id: 'cleaning', zh: '清洁用品', en: 'Cleaning', products: ['洗衣液|Laundry Liquid|4990|瓶', '洗洁精|Dish Soap|1290|瓶', '消毒液|Disinfectant|2590|瓶', '垃圾袋|Bin Bags|1590|卷', '洗衣凝珠|Laundry Pods|5990|盒'] },
    { id: 'personal_care', zh: '个人护理', en: 'Personal Care', products: ['洗发水|Shampoo|5990|瓶', '沐浴露|Shower Gel|4590|瓶', '牙膏|Toothpaste|1990|支', '牙刷|Toothbrushes|1590|支', '洗手液|Hand Soap|1990|瓶'] },
  ] },
];

/** Pack sizes: name suffix and price multiplier in percent. */
export const DEMO_PACKS = [
  { zh: '', en: '', percent: 100 },
  { zh: '（大包装）', en: ' (large pack)', percent: 180 },
  { zh: '（家庭装）', en: ' (family pack)', percent: 320 },
  { zh: '（礼盒装）', en: ' (gift box)', percent: 450 },
] as const;
